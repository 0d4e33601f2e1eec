import Foundation

/// A parsed XML element: enough of a tree to read query-protocol replies and error bodies.
public struct XMLNode: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLNode]

    public init(name: String, text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first direct child with that name.
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every direct child with that name.
    public func children(named name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// Follows a path of child names: `node["GetCallerIdentityResult", "Arn"]`.
    public subscript(path: String...) -> XMLNode? {
        path.reduce(Optional(self)) { $0?.child($1) }
    }

    /// The first element with that name anywhere below (depth first), this one included.
    public func first(named name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// Parses a document; nil when it is not well-formed XML.
    public static func parse(_ data: Data) -> XMLNode? {
        XMLReader.parse(data)
    }
}
