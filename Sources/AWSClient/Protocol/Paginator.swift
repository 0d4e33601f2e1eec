/// Follows `nextToken` pages to the end; a token seen before stops it, so a misbehaving server cannot
/// make it loop forever, and nothing is dropped before the last page.
public enum Paginator {
    /// A page's items and the token for the next page (nil or empty on the last page).
    public typealias Page<Item> = (items: [Item], nextToken: String?)

    public static func collect<Item>(_ fetch: (String?) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let page = try await fetch(token)
            items.append(contentsOf: page.items)
            token = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
            if let next = token, !seen.insert(next).inserted { break }
        } while token != nil
        return items
    }
}
