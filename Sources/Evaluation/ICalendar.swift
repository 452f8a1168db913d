import Foundation
import VettedDomain

/// An interview invite as an iCalendar object (RFC 5545): one VEVENT with start and end in
/// the organizer's zone, and a VTIMEZONE that carries that zone's real offsets and
/// daylight-saving transitions around the event, so calendars that do not know the zone
/// name (or know an older rule) still show the right hour.
public struct CalendarInvite: Sendable {
    public enum Method: String, Sendable { case request = "REQUEST", cancel = "CANCEL" }

    public var uid: String
    /// Bumped on every reschedule: calendars replace the event with the higher sequence.
    public var sequence: Int
    public var start: Date
    public var end: Date
    public var zone: ZoneName
    public var summary: String
    public var description: String
    public var location: String
    public var organizer: (name: String, email: String)
    public var attendees: [(name: String, email: String)]
    public var method: Method
    public var stamp: Date

    public init(uid: String, sequence: Int, start: Date, end: Date, zone: ZoneName, summary: String, description: String, location: String = "",
                organizer: (name: String, email: String), attendees: [(name: String, email: String)], method: Method = .request, stamp: Date) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.zone = zone
        self.summary = summary
        self.description = description
        self.location = location
        self.organizer = organizer
        self.attendees = attendees
        self.method = method
        self.stamp = stamp
    }

    /// The whole object, CRLF line ends, lines folded at 75 octets.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Vetted//Interviews//EN", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        lines += Self.timezone(zone, around: start)
        lines += [
            "BEGIN:VEVENT",
            "UID:\(Self.escape(uid))",
            "SEQUENCE:\(sequence)",
            "DTSTAMP:\(Self.utc(stamp))",
            "DTSTART;TZID=\(zone.identifier):\(Self.local(start, zone.timeZone))",
            "DTEND;TZID=\(zone.identifier):\(Self.local(end, zone.timeZone))",
            "SUMMARY:\(Self.escape(summary))",
            "DESCRIPTION:\(Self.escape(description))",
        ]
        if !location.isEmpty { lines.append("LOCATION:\(Self.escape(location))") }
        lines.append("ORGANIZER;CN=\(Self.parameter(organizer.name)):mailto:\(organizer.email)")
        for attendee in attendees {
            lines.append("ATTENDEE;CN=\(Self.parameter(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\(attendee.email)")
        }
        lines += ["STATUS:\(method == .cancel ? "CANCELLED" : "CONFIRMED")", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// STANDARD and DAYLIGHT observances for every transition from a year before the event
    /// to a year after; a zone without daylight saving gets one STANDARD observance.
    static func timezone(_ zone: ZoneName, around date: Date) -> [String] {
        let tz = zone.timeZone
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var cursor = date.addingTimeInterval(-366 * 86_400)
        let limit = date.addingTimeInterval(366 * 86_400)
        var observances: [[String]] = []
        while let transition = tz.nextDaylightSavingTimeTransition(after: cursor), transition < limit {
            let before = tz.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = tz.secondsFromGMT(for: transition)
            let kind = tz.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the wall-clock time of the transition in the offset before it.
            let local = transition.addingTimeInterval(TimeInterval(before))
            observances.append(["BEGIN:\(kind)", "DTSTART:\(format(local, "yyyyMMdd'T'HHmmss", utc: true))",
                                "TZOFFSETFROM:\(offset(before))", "TZOFFSETTO:\(offset(after))",
                                "TZNAME:\(tz.abbreviation(for: transition) ?? zone.identifier)", "END:\(kind)"])
            cursor = transition
        }
        if observances.isEmpty {
            let seconds = tz.secondsFromGMT(for: date)
            observances.append(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset(seconds))", "TZOFFSETTO:\(offset(seconds))",
                                "TZNAME:\(tz.abbreviation(for: date) ?? zone.identifier)", "END:STANDARD"])
        }
        return lines + observances.flatMap { $0 } + ["END:VTIMEZONE"]
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        let text = String(format: "%@%02d%02d", sign, value / 3600, (value % 3600) / 60)
        return value % 60 == 0 ? text : text + String(format: "%02d", value % 60)
    }

    static func utc(_ date: Date) -> String { format(date, "yyyyMMdd'T'HHmmss'Z'", utc: true) }

    static func local(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }

    static func format(_ date: Date, _ pattern: String, utc: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")!
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// Parameter values are quoted when they hold `:;,`; quotes themselves are not allowed.
    static func parameter(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }

    /// Lines longer than 75 octets continue on the next line after one space, split only
    /// between characters so no UTF-8 sequence is cut.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
