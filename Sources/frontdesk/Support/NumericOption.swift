import ArgumentParser
import FrontdeskCore

/// Range checks for numeric options: a value outside the range is invalid input (exit 2) before it
/// can reach arithmetic or a count (`prefix(-1)` traps).
enum NumericOption {
    static func check(_ name: String, _ value: Int, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound) (found \(value)).")
        }
    }
}
