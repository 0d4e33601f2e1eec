import Foundation

/// Short human ages for badges and tables: `4s`, `2m`, `3h`, `5d`.
package enum Age {
    package static func format(_ seconds: TimeInterval) -> String {
        // A timestamp from a reply can be anything, even 1e300 seconds away: capped so `Int` cannot trap.
        let whole = seconds >= 1 ? Int(min(seconds, 1e15)) : 0
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" }
        if whole < 86_400 { return "\(whole / 3600)h" }
        return "\(whole / 86_400)d"
    }
}
