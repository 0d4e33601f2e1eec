import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// One measured number with its unit, printed as a JSON line.
struct Figure {
    let name: String
    let unit: String
    let value: Double
    var extra: [String: String] = [:]

    var jsonLine: String {
        var object: [String: Any] = ["name": name, "unit": unit, "value": (value * 1000).rounded() / 1000]
        for (key, text) in extra { object[key] = text }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
