import Foundation

/// The two date forms SigV4 uses (`20150830T123600Z` and `20150830`), computed without a DateFormatter.
struct AMZDate: Equatable {
    /// `YYYYMMDD'T'HHMMSS'Z'`, UTC.
    let timestamp: String
    /// `YYYYMMDD`, the credential scope's date.
    let day: String

    init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, dayOfMonth) = AMZDate.civil(fromDays: days)
        var dayBytes: [UInt8] = []
        dayBytes.reserveCapacity(8)
        AMZDate.append(year, width: 4, to: &dayBytes)
        AMZDate.append(month, width: 2, to: &dayBytes)
        AMZDate.append(dayOfMonth, width: 2, to: &dayBytes)
        var stamp = dayBytes
        stamp.append(UInt8(ascii: "T"))
        AMZDate.append(secondOfDay / 3600, width: 2, to: &stamp)
        AMZDate.append(secondOfDay / 60 % 60, width: 2, to: &stamp)
        AMZDate.append(secondOfDay % 60, width: 2, to: &stamp)
        stamp.append(UInt8(ascii: "Z"))
        day = String(decoding: dayBytes, as: UTF8.self)
        timestamp = String(decoding: stamp, as: UTF8.self)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, UTC).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func append(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }
}
