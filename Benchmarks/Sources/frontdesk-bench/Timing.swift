import Foundation

/// Durations of repeated runs of one measured operation, in milliseconds.
struct Sample {
    var milliseconds: [Double]

    var sorted: [Double] { milliseconds.sorted() }
    var count: Int { milliseconds.count }
    var median: Double { Sample.percentile(sorted, 50) }
    var p99: Double { Sample.percentile(sorted, 99) }
    var min: Double { milliseconds.min() ?? .nan }
    var max: Double { milliseconds.max() ?? .nan }

    /// Nearest-rank percentile of an ascending array (the median interpolates two middle values).
    static func percentile(_ ascending: [Double], _ p: Double) -> Double {
        guard !ascending.isEmpty else { return .nan }
        if p == 50 {
            let mid = ascending.count / 2
            return ascending.count % 2 == 1 ? ascending[mid] : (ascending[mid - 1] + ascending[mid]) / 2
        }
        let rank = Int((p / 100 * Double(ascending.count)).rounded(.up))
        return ascending[Swift.min(Swift.max(rank, 1), ascending.count) - 1]
    }
}

/// How long and how often to repeat a measurement.
struct Budget {
    var warmUp: Int
    var iterations: Int
    /// Stop early once this much time has been spent measuring (but never below `minimumIterations`).
    var seconds: Double
    var minimumIterations: Int

    static let full = Budget(warmUp: 3, iterations: 300, seconds: 4, minimumIterations: 5)
    static let small = Budget(warmUp: 1, iterations: 30, seconds: 1, minimumIterations: 3)
}

/// Monotonic nanoseconds.
@inline(__always) func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` `budget.warmUp` times unmeasured, then measures each further run on its own.
///
/// `prepare` runs before every measured iteration, outside the timed region (for state resets).
func measure(_ budget: Budget, prepare: () throws -> Void = {}, _ body: () throws -> Void) rethrows -> Sample {
    for _ in 0..<budget.warmUp {
        try prepare()
        try body()
    }
    var durations: [Double] = []
    durations.reserveCapacity(budget.iterations)
    let started = monotonicNanoseconds()
    while durations.count < budget.iterations {
        try prepare()
        let t0 = monotonicNanoseconds()
        try body()
        let t1 = monotonicNanoseconds()
        durations.append(Double(t1 - t0) / 1_000_000)
        if durations.count >= budget.minimumIterations,
           Double(monotonicNanoseconds() - started) / 1e9 > budget.seconds { break }
    }
    return Sample(milliseconds: durations)
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never) func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
