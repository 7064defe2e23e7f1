/// The one way EC2's describe calls list things: pages joined by `nextToken`, items in a
/// `<…Set>` of `<item>`s.
enum EC2Listing {
    /// The items of `set` on every page; with `nested`, the items of that set inside each of them
    /// (`reservationSet` → `instancesSet`).
    static func items(_ context: CollectionContext, action: String, set: String, nested: String? = nil) async throws(AWSError) -> [DescribedResource] {
        let pages = try await context.client.queryPages(
            .ec2, action: action, token: "NextToken", pageSize: context.pageSize.map { ("MaxResults", max($0, 5)) })
        return pages.flatMap { page -> [DescribedResource] in
            let items = DescribedResource(page.child(set)?.describedValue() ?? .list([])).elements
            guard let nested else { return items }
            return items.flatMap { $0.list(nested) }
        }
    }
}
