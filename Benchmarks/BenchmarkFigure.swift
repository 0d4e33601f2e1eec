import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// One measured number (or null, with the reason in `extra`) and its unit, printed as a JSON line in
/// the same shape as `ecsdash-bench`'s own figures.
struct BenchmarkFigure: Equatable, Sendable {
    var name: String
    var unit: String
    var value: Double?
    var extra: [String: String] = [:]

    /// A figure that could not be measured here; `reason` says why, so a null is never silent.
    static func skipped(_ name: String, unit: String, reason: String) -> BenchmarkFigure {
        BenchmarkFigure(name: name, unit: unit, value: nil, extra: ["reason": reason])
    }

    var jsonLine: String {
        var object: [String: Any] = ["name": name, "unit": unit]
        // Rounded to three decimals like the other figures, so lines compare across runs without noise digits.
        object["value"] = value.map { ($0 * 1000).rounded() / 1000 } ?? NSNull()
        for (key, text) in extra { object[key] = text }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{\"name\":\"\(name)\",\"unit\":\"\(unit)\",\"value\":null}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
