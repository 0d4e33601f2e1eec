import Foundation

/// Parses durations as people write them in config and flags: `10s`, `2m`, `1h30m`, `500ms`, or bare seconds.
///
/// Every duration becomes a sleep, a timeout or a label, which turn it into whole seconds or nanoseconds: an
/// infinite or astronomically long one (`1e400`, `99999999999999999999d`) traps there. So parsing refuses any
/// duration past `maximum`, negative ones and not-a-numbers, and `format` copes with whatever it is given.
package enum Duration {
    /// The longest duration accepted: a year, far beyond any sensible refresh or wait, and far from where
    /// nanoseconds overflow a `UInt64` (584 years).
    package static let maximum: TimeInterval = 365 * 86_400

    /// Why a text is not an acceptable duration.
    package enum Problem: Error, Equatable {
        case malformed
        case negative
        case tooLong
        case tooShort(minimum: TimeInterval)

        /// What to tell the person who typed `text`.
        package func message(for text: String) -> String {
            let quoted = VisibleText.quoted(text.trimmingCharacters(in: .whitespaces))
            switch self {
            case .malformed: return "\(quoted) is not a duration (like 10s, 2m, 1h30m)"
            case .negative: return "\(quoted) is negative; a duration is 0 or more (like 10s, 2m, 1h30m)"
            case .tooLong: return "\(quoted) is too long: at most \(Duration.format(Duration.maximum))"
            case .tooShort(let minimum): return "must be at least \(Duration.format(minimum))"
            }
        }
    }

    /// Seconds, when `text` is a duration of at least `minimum` and at most `maximum`.
    package static func parse(_ text: String, minimum: TimeInterval = 0) -> Result<TimeInterval, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasPrefix("-") {
            return unchecked(String(trimmed.dropFirst())) == nil ? .failure(.malformed) : .failure(.negative)
        }
        guard let seconds = unchecked(trimmed) else { return .failure(.malformed) }
        guard seconds.isFinite, seconds <= maximum else { return .failure(.tooLong) }
        guard seconds >= minimum else { return .failure(.tooShort(minimum: minimum)) }
        return .success(seconds)
    }

    /// Seconds, or nil when `text` is not an acceptable duration.
    package static func seconds(_ text: String) -> TimeInterval? {
        try? parse(text).get()
    }

    /// The value written, unbounded (possibly infinite): bare seconds, or numbers each followed by a unit.
    private static func unchecked(_ trimmed: String) -> TimeInterval? {
        guard !trimmed.isEmpty else { return nil }
        // Only digits, a point and an exponent: `Double` would also take `inf`, `nan` and hexadecimal.
        if trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || ".e+".contains($0)) }), trimmed.contains(where: \.isNumber) {
            return Double(trimmed)
        }
        var total: TimeInterval = 0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            case "d": scale = 86_400
            default: return false
            }
            total += value * scale
            number = ""
            unit = ""
            return true
        }
        for character in trimmed {
            if character.isASCII && (character.isNumber || character == ".") {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush() else { return nil }
        return total
    }

    /// `90` → `1m30s`, `10` → `10s`, `0.5` → `500ms`, `86400` → `1d`; any value, even one `parse` refuses.
    package static func format(_ seconds: TimeInterval) -> String {
        guard !seconds.isNaN else { return "?" }
        guard seconds >= 0 else { return "-" + format(-seconds) }
        if seconds == 0 { return "0s" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        // Past a thousand years the digits stop meaning anything; the cap keeps `Int` from trapping.
        guard seconds < 1_000 * 365 * 86_400 else { return "more than 1000 years" }
        var remaining = Int(seconds.rounded())
        var parts = ""
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            parts += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return parts
    }
}
