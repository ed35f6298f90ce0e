/// A rectangle of terminal cells; the origin is the top-left corner.
public struct Rect: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle; negative sizes are clamped to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin with the given size.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }

    /// Column just past the right edge.
    public var maxX: Int { x + width }
    /// Row just past the bottom edge.
    public var maxY: Int { y + height }
    /// True when no cell fits inside.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells covered.
    public var area: Int { width * height }

    /// True when the cell at (x, y) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Shrinks every side by the same margin.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// Shrinks each side by its own margin; never yields a negative size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// The overlap of two rectangles (empty when they do not touch).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// A rectangle of the given size centred inside this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// One full-width row at the given offset from the top (negative counts from the bottom).
    public func row(_ offset: Int) -> Rect {
        let rowY = offset >= 0 ? y + offset : maxY + offset
        return Rect(x: x, y: rowY, width: width, height: rowY >= y && rowY < maxY ? 1 : 0)
    }

    /// Splits top to bottom into rows sized by `sizes`.
    public func rows(_ sizes: [Size]) -> [Rect] {
        Size.distribute(sizes, over: height).reduce(into: (rects: [Rect](), offset: y)) { acc, size in
            acc.rects.append(Rect(x: x, y: acc.offset, width: width, height: size))
            acc.offset += size
        }.rects
    }

    /// Splits left to right into columns sized by `sizes`.
    public func columns(_ sizes: [Size], spacing: Int = 0) -> [Rect] {
        let gaps = max(0, sizes.count - 1) * spacing
        let widths = Size.distribute(sizes, over: max(0, width - gaps))
        var offset = x
        return widths.map { w in
            defer { offset += w + spacing }
            return Rect(x: offset, y: y, width: w, height: height)
        }
    }

    /// How a split part is sized: a fixed number of cells or a weighted share of what remains.
    public enum Size: Sendable, Equatable, Hashable {
        case fixed(Int)
        case fill(Int)

        /// A weight-1 share of the remaining space.
        public static var fill: Size { .fill(1) }

        /// Fixed sizes first (shrunk from the end when space runs out), then fills by weight.
        static func distribute(_ sizes: [Size], over total: Int) -> [Int] {
            var remaining = max(0, total)
            var result = [Int](repeating: 0, count: sizes.count)
            for (index, size) in sizes.enumerated() {
                if case .fixed(let n) = size {
                    let taken = min(max(0, n), remaining)
                    result[index] = taken
                    remaining -= taken
                }
            }
            let weights = sizes.map { size -> Int in
                if case .fill(let w) = size { return max(0, w) }
                return 0
            }
            let totalWeight = weights.reduce(0, +)
            guard totalWeight > 0 else { return result }
            // Hand out the rounding remainder to the first fills so the parts add up exactly.
            var handed = 0
            for (index, weight) in weights.enumerated() where weight > 0 {
                result[index] = remaining * weight / totalWeight
                handed += result[index]
            }
            var leftover = remaining - handed
            for (index, weight) in weights.enumerated() where weight > 0 && leftover > 0 {
                result[index] += 1
                leftover -= 1
            }
            return result
        }
    }
}
