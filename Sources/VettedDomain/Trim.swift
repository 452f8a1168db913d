extension String {
    /// Without leading and trailing white space (Unicode White_Space, newlines included).
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux and costs
    /// microseconds a call; validation trims every field of every imported row.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
