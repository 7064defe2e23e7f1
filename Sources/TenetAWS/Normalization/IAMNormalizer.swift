import TenetDocument
import TenetInventory

/// IAM's authorization details (`UserDetailList`, `RoleDetailList`, `Policies`) — from the live
/// API or from AWS Config items, which record the same shape — as CloudFormation resources.
///
/// The three are normalized together because a managed policy's `Users` and `Roles` are only
/// known from the users' and roles' own attachment lists.
enum IAMNormalizer {
    static let userType: ResourceType = "AWS::IAM::User"
    static let roleType: ResourceType = "AWS::IAM::Role"
    static let policyType: ResourceType = "AWS::IAM::ManagedPolicy"

    static func normalize(users: [DescribedResource], roles: [DescribedResource], policies: [DescribedResource], scope: ResourceScope) -> [InventoryResource] {
        var attachments: [String: [(kind: String, name: String, arn: String)]] = [:]
        for (kind, principals, nameField) in [("Users", users, "userName"), ("Roles", roles, "roleName")] {
            for principal in principals {
                guard let name = principal.string(nameField), let arn = principal.string("arn") else { continue }
                for policy in principal.list("attachedManagedPolicies") {
                    if let policyARN = policy.string("policyArn") { attachments[policyARN, default: []].append((kind, name, arn)) }
                }
            }
        }
        return users.map { user($0, scope: scope) } + roles.map { role($0, scope: scope) }
            + policies.filter { !($0.string("arn") ?? "").hasPrefix("arn:aws:iam::aws:") }.map { policy($0, attachments: attachments, scope: scope) }
    }

    private static func user(_ user: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let name = user.string("userName") ?? ""
        let tags = ResourceTags.from(user, "tags")
        var properties = PropertyMap()
        properties.set("UserName", name)
        properties.set("Path", user.string("path"))
        properties.set("Policies", list: inlinePolicies(user.list("userPolicyList")))
        properties.set("ManagedPolicyArns", list: user.list("attachedManagedPolicies").compactMap { $0.string("policyArn").map(Value.string) })
        properties.set("Groups", list: user.strings("groupList").map(Value.string))
        properties.set("PermissionsBoundary", user.record("permissionsBoundary")?.string("permissionsBoundaryArn"))
        properties.setTags(tags)
        return resource(userType, user, name: name, tags: tags, properties: properties, scope: scope)
    }

    private static func role(_ role: DescribedResource, scope: ResourceScope) -> InventoryResource {
        let name = role.string("roleName") ?? ""
        let tags = ResourceTags.from(role, "tags")
        var properties = PropertyMap()
        properties.set("RoleName", name)
        properties.set("Path", role.string("path"))
        properties["AssumeRolePolicyDocument"] = PolicyDocument.from(role.field("assumeRolePolicyDocument"))
        properties.set("Description", role.string("description"))
        properties.set("MaxSessionDuration", role.int("maxSessionDuration"))
        properties.set("Policies", list: inlinePolicies(role.list("rolePolicyList")))
        properties.set("ManagedPolicyArns", list: role.list("attachedManagedPolicies").compactMap { $0.string("policyArn").map(Value.string) })
        properties.set("PermissionsBoundary", role.record("permissionsBoundary")?.string("permissionsBoundaryArn"))
        properties.setTags(tags)
        return resource(roleType, role, name: name, tags: tags, properties: properties, scope: scope)
    }

    private static func policy(_ policy: DescribedResource, attachments: [String: [(kind: String, name: String, arn: String)]], scope: ResourceScope) -> InventoryResource {
        let arn = policy.string("arn") ?? ""
        // moto leaves PolicyName out of GetAccountAuthorizationDetails; the ARN ends with it.
        let name = policy.string("policyName") ?? String(arn.split(separator: "/").last ?? "")
        let defaultVersion = policy.list("policyVersionList").first { $0.bool("isDefaultVersion") == true }
        var properties = PropertyMap()
        properties.set("ManagedPolicyName", name)
        properties.set("Path", policy.string("path"))
        properties.set("Description", policy.string("description"))
        properties["PolicyDocument"] = PolicyDocument.from(defaultVersion?.field("document"))
        let attached = attachments[arn] ?? []
        for kind in ["Users", "Roles"] {
            properties.set(kind, list: attached.filter { $0.kind == kind }.map(\.name).sorted().map(Value.string))
        }
        var resource = resource(policyType, policy, name: name, tags: ResourceTags.from(policy, "tags"), properties: properties, scope: scope)
        resource.relationships = attached.map { ResourceRelationship(.attachedTo, ResourceID($0.arn)) }.sorted { $0.target < $1.target }
        return resource
    }

    /// CloudFormation's `Policies: [{PolicyName, PolicyDocument}]`, documents parsed.
    private static func inlinePolicies(_ list: [DescribedResource]) -> [Value] {
        list.map { policy in
            var entry = PropertyMap()
            entry.set("PolicyName", policy.string("policyName"))
            entry["PolicyDocument"] = PolicyDocument.from(policy.field("policyDocument"))
            return entry.value
        }
    }

    private static func resource(_ type: ResourceType, _ record: DescribedResource, name: String, tags: [String: String], properties: PropertyMap, scope: ResourceScope) -> InventoryResource {
        let relationships = record.list("attachedManagedPolicies").compactMap { $0.string("policyArn") }
            .filter { !$0.hasPrefix("arn:aws:iam::aws:") }
            .map { ResourceRelationship(.references, ResourceID($0)) }
        return InventoryResource(
            type: type, id: ResourceID(record.string("arn") ?? name), name: name, account: scope.account, region: nil,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
