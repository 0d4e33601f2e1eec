/// Writes an absent optional as `null` instead of leaving its key out, as docs/status-json.md promises: in the
/// status document `null` means "unknown", and scripts can rely on every documented key being there.
@propertyWrapper
struct EncodedAsNull<Value: Encodable & Equatable>: Encodable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
