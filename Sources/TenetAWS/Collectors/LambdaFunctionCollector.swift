import TenetDocument
import TenetInventory

/// Lambda functions (`ListFunctions`, `ListTags`) as `AWS::Lambda::Function`.
///
/// Environment variable values are configuration that often holds credentials, so each becomes
/// `SecretRedaction.marker` unless `--include-secrets`; the names stay, so rules can still ask
/// whether a variable is set.
struct LambdaFunctionCollector: ResourceCollector {
    let service = AWSService.lambda
    let types: [ResourceType] = ["AWS::Lambda::Function"]

    func collect(in context: CollectionContext) async throws(AWSError) -> [InventoryResource] {
        let client = context.client
        var functions: [DescribedResource] = []
        var marker: String?
        repeat {
            var query: [(name: String, value: String)] = []
            if let pageSize = context.pageSize { query.append(("MaxItems", String(pageSize))) }
            if let marker { query.append(("Marker", marker)) }
            let page = try AWSClient.json(try await client.rest(.lambda, path: "/2015-03-31/functions/", query: query), service: .lambda)
            functions += DescribedResource(page.value).list("Functions")
            marker = try AWSClient.nextToken(page["NextMarker"]?.stringValue, after: marker, service: .lambda, operation: "ListFunctions")
        } while marker != nil
        var resources: [InventoryResource] = []
        for function in functions {
            var tags: [String: String] = [:]
            if let arn = function.string("FunctionArn") {
                let answer = try AWSClient.json(try await client.rest(.lambda, path: "/2017-03-31/tags/\(arn)"), service: .lambda)
                tags = ResourceTags.from(map: DescribedResource(answer.value).record("Tags"))
            }
            resources.append(Self.normalize(function, tags: tags, scope: context.scope))
        }
        return resources
    }

    /// `FunctionConfiguration` (live, or Config's `configuration`).
    static func normalize(_ function: DescribedResource, tags: [String: String], scope: ResourceScope) -> InventoryResource {
        let name = function.string("FunctionName") ?? ""
        var properties = PropertyMap()
        properties.set("FunctionName", name)
        properties.set("Runtime", function.string("Runtime"))
        properties.set("Handler", function.string("Handler"))
        properties.set("Role", function.string("Role"))
        properties.set("Description", function.string("Description"))
        properties.set("MemorySize", function.int("MemorySize"))
        properties.set("Timeout", function.int("Timeout"))
        properties.set("PackageType", function.string("PackageType"))
        properties.set("Architectures", list: function.strings("Architectures").map(Value.string))
        properties.set("KmsKeyArn", function.string("KMSKeyArn"))
        properties.set("Layers", list: function.list("Layers").compactMap { $0.string("Arn").map(Value.string) })
        if let variables = function.record("Environment")?.record("Variables"), case .map(let entries) = variables.value {
            properties["Environment"] = ["Variables": .map(entries.map { entry in
                Value.Entry(entry.key, scope.includeSecrets ? entry.value : .string(SecretRedaction.marker))
            })]
        }
        if let mode = function.record("TracingConfig")?.string("Mode") { properties["TracingConfig"] = ["Mode": .string(mode)] }
        if let target = function.record("DeadLetterConfig")?.string("TargetArn") { properties["DeadLetterConfig"] = ["TargetArn": .string(target)] }
        let vpc = function.record("VpcConfig")
        let subnets = vpc?.strings("SubnetIds") ?? []
        let securityGroups = vpc?.strings("SecurityGroupIds") ?? []
        if !subnets.isEmpty || !securityGroups.isEmpty {
            properties["VpcConfig"] = ["SubnetIds": .list(subnets.map(Value.string)), "SecurityGroupIds": .list(securityGroups.map(Value.string))]
        }
        properties.setTags(tags)
        var relationships: [ResourceRelationship] = []
        if let role = function.string("Role") { relationships.append(ResourceRelationship(.references, ResourceID(role))) }
        if let key = function.string("KMSKeyArn") { relationships.append(ResourceRelationship(.references, ResourceID(key))) }
        relationships += subnets.map { ResourceRelationship(.containedIn, ResourceID(scope.ec2ARN("subnet/\($0)"))) }
        let arn = function.string("FunctionArn") ?? "arn:aws:lambda:\(scope.region ?? ""):\(scope.account):function:\(name)"
        return InventoryResource(
            type: "AWS::Lambda::Function", id: ResourceID(arn), name: name, account: scope.account, region: scope.region,
            tags: tags, properties: properties.node, relationships: relationships)
    }
}
