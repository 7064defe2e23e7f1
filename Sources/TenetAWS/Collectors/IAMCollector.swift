import TenetDocument
import TenetInventory

/// IAM users, roles and customer-managed policies, read in one paged call:
/// `GetAccountAuthorizationDetails` returns each with its inline policies and attachments, in the
/// shape AWS Config also records — so one normalizer (`IAMNormalizer`) serves both.
struct IAMCollector: ResourceCollector {
    let service = AWSService.iam
    let types: [ResourceType] = [IAMNormalizer.userType, IAMNormalizer.roleType, IAMNormalizer.policyType]
    let isGlobal = true

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let filters = ["User", "Role", "LocalManagedPolicy"].enumerated().map { (name: "Filter.member.\($0.offset + 1)", value: $0.element) }
        let pages = try await context.client.queryPages(
            .iam, action: "GetAccountAuthorizationDetails", parameters: filters, token: "Marker",
            pageSize: context.pageSize.map { ("MaxItems", $0) })
        func details(_ list: String) -> [DescribedResource] {
            pages.flatMap { DescribedResource($0.child(list)?.describedValue() ?? .list([])).elements }
        }
        return IAMNormalizer.normalize(users: details("UserDetailList"), roles: details("RoleDetailList"), policies: details("Policies"), scope: context.scope)
    }
}
