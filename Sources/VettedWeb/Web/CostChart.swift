import Planning
import VettedDomain

/// A server-drawn SVG of hourly ranges by location: a bar from low to high with a mark at
/// the expected rate. Plain SVG, no script, so it is safe under the page's CSP.
enum CostChart {
    struct Row {
        let label: String
        let band: RateBand
    }

    static func svg(_ rows: [Row], width: Int = 640, rowHeight: Int = 34) -> String {
        let left = 110, right = 70
        let height = rows.count * rowHeight + 30
        let maxCents = max(rows.map(\.band.high).max() ?? 1, 1)
        func x(_ cents: Int) -> Int { left + (width - left - right) * cents / maxCents }
        var body = ""
        for (index, row) in rows.enumerated() {
            let y = 10 + index * rowHeight
            body += "<text x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(row.label))</text>"
            body += "<rect x=\"\(x(row.band.low))\" y=\"\(y + 4)\" width=\"\(max(2, x(row.band.high) - x(row.band.low)))\" height=\"18\" fill=\"#c9d6f5\"/>"
            body += "<rect x=\"\(x(row.band.expected) - 1)\" y=\"\(y)\" width=\"3\" height=\"26\" fill=\"#2255cc\"/>"
            body += "<text x=\"\(x(row.band.high) + 6)\" y=\"\(y + 17)\">$\(row.band.expected / 100)/h</text>"
        }
        let axisY = 10 + rows.count * rowHeight
        body += "<line x1=\"\(left)\" y1=\"\(axisY)\" x2=\"\(width - right)\" y2=\"\(axisY)\" stroke=\"#5b6475\"/>"
        body += "<text x=\"\(left)\" y=\"\(axisY + 16)\">$0</text><text x=\"\(width - right)\" y=\"\(axisY + 16)\" text-anchor=\"end\">$\(maxCents / 100)/h</text>"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12" fill="#1d2330">\
            <title>Hourly rate by location: low to high, mark at expected</title>\(body)</svg>
            """
    }

    static func escape(_ text: String) -> String { MarkdownLite.escape(text) }
}
