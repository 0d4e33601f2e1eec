import DashboardEngine
import DashboardModel

/// Writes an absent optional as `null` instead of leaving its key out, as docs/status-json.md promises: in the
/// status document `null` means "unknown", and scripts can rely on every documented key being there.
@propertyWrapper
package struct EncodedAsNull<Value: Encodable & Equatable>: Encodable, Equatable {
    package var wrappedValue: Value?

    package init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
