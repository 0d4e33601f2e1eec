/// The members of a JSON object that its Swift shape does not name, carried through decode and encode.
///
/// A task definition has dozens of fields (secrets, mount points, ulimits, …) and AWS adds more; a
/// promotion registers the definition again with a new image, so dropping what we do not model would
/// silently strip a production service's secrets.
struct UnmodeledFields: Sendable, Equatable {
    var values: [String: JSONValue] = [:]

    init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    /// Reads every member of the object being decoded whose key is not one of `modeled`.
    init<Keys: CodingKey & CaseIterable>(from decoder: any Decoder, modeled: Keys.Type) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            values[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
    }

    /// Writes the members into the object being encoded, beside the modelled ones.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: AnyKey(key))
        }
    }

    /// A coding key made from any string.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
