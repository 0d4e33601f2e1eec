/// Date arithmetic the wire formats need, done by hand so it is exact and costs nothing per request.
package enum SimulatedTime {
    /// Reads SigV4's `X-Amz-Date` (`20240101T000000Z`) as epoch seconds.
    package static func parseAMZDate(_ text: String) -> Double? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in digits[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
              let minute = number(11..<13), let second = number(13..<15) else { return nil }
        return Double(daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// `2024-01-01T00:00:00Z`, as STS writes credential expirations.
    package static func iso8601(_ time: Double) -> String {
        let (date, clock) = split(time)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(clock / 3600, 2)):\(pad(clock / 60 % 60, 2)):\(pad(clock % 60, 2))Z"
    }

    /// `20240101T000000Z`.
    package static func amzDate(_ time: Double) -> String {
        let (date, clock) = split(time)
        return "\(pad(date.year, 4))\(pad(date.month, 2))\(pad(date.day, 2))T\(pad(clock / 3600, 2))\(pad(clock / 60 % 60, 2))\(pad(clock % 60, 2))Z"
    }

    /// `Mon, 01 Jan 2024 00:00:00 GMT`, the HTTP `Date` header clients learn clock skew from.
    package static func httpDate(_ time: Double) -> String {
        let (date, clock) = split(time)
        let days = Int((time / 86_400).rounded(.down))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.month - 1]
        return "\(weekday), \(pad(date.day, 2)) \(month) \(pad(date.year, 4)) \(pad(clock / 3600, 2)):\(pad(clock / 60 % 60, 2)):\(pad(clock % 60, 2)) GMT"
    }

    private static func split(_ time: Double) -> (date: (year: Int, month: Int, day: Int), seconds: Int) {
        let whole = Int(time.rounded(.down))
        let days = Int((Double(whole) / 86_400).rounded(.down))
        return (civilFromDays(days), whole - days * 86_400)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Howard Hinnant's days-from-civil: days since 1970-01-01 of a proleptic Gregorian date.
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysFromCivil`.
    package static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
