import Foundation
import TenetDocument
import TenetInventory

/// Turns AWS Config files into inventory resources of the types the live collector covers, with
/// the live collector's normalizers wherever Config records the describe-API shape.
public enum AWSConfigImport {
    public struct Outcome: Sendable {
        /// Sorted by type, then id.
        public var resources: [InventoryResource]
        /// Items of types Tenet does not normalize, counted per type: skipped, and reported.
        public var skippedTypes: [String: Int]
    }

    /// Config's names for the IAM types; its `AWS::IAM::Policy` is a customer-managed policy,
    /// CloudFormation's `AWS::IAM::ManagedPolicy`.
    static let iamTypes: Set<String> = ["AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Policy"]

    /// A history holds several items per resource; the newest (by capture time, then file
    /// order) wins, and a resource whose newest item records its deletion is left out.
    public static func read(files: [String], includeSecrets: Bool = false) throws(Diagnostic) -> Outcome {
        var latest: [String: ConfigurationItem] = [:]
        var order: [String] = []
        for file in files {
            for item in try ConfigFileReader.items(inFile: file) {
                let key = "\(item.resourceType)|\(item.account ?? "")|\(item.region ?? "")|\(item.resourceID)"
                if let previous = latest[key] {
                    if captureDate(item) >= captureDate(previous) { latest[key] = item }
                } else {
                    latest[key] = item
                    order.append(key)
                }
            }
        }
        let items = order.compactMap { latest[$0] }.filter { !$0.isDeleted }
        var resources: [InventoryResource] = []
        var skipped: [String: Int] = [:]
        var iam: [ConfigurationItem] = []
        for item in items {
            let scope = ResourceScope(account: item.account ?? "", region: item.region, includeSecrets: includeSecrets)
            if let resource = ConfigItemNormalizer.normalize(item, scope: scope) {
                resources += resource
            } else if iamTypes.contains(item.resourceType) {
                iam.append(item)
            } else {
                skipped[item.resourceType, default: 0] += 1
            }
        }
        // IAM is normalized per account, as the live API answers it: a policy's users and roles
        // come from the users' and roles' attachment lists.
        for account in Set(iam.map { $0.account ?? "" }).sorted() {
            func configurations(_ type: String) -> [DescribedResource] {
                iam.filter { $0.resourceType == type && ($0.account ?? "") == account }.map(ConfigItemNormalizer.configurationWithItemTags)
            }
            resources += IAMNormalizer.normalize(
                users: configurations("AWS::IAM::User"), roles: configurations("AWS::IAM::Role"), policies: configurations("AWS::IAM::Policy"),
                scope: ResourceScope(account: account, region: nil, includeSecrets: includeSecrets))
        }
        resources.sort { ($0.type, $0.id) < ($1.type, $1.id) }
        return Outcome(resources: resources, skippedTypes: skipped)
    }

    /// Files write the time with milliseconds and `Z`, the CLI with microseconds and `+00:00`.
    private static func captureDate(_ item: ConfigurationItem) -> Date {
        item.captureTime.flatMap(AWSTimestamp.parse) ?? .distantPast
    }
}
