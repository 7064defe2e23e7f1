import Foundation
import TenetXML

/// The two STS calls credential resolution needs: assuming a role with other credentials, and
/// with a web identity token (EKS service accounts, GitHub Actions OIDC).
struct SecurityTokenService: Sendable {
    var endpoints: EndpointResolver
    var transport: AWSTransport
    var region: String

    func assumeRole(_ roleARN: String, sessionName: String, externalID: String?, using credentials: AWSCredentials) async throws(AWSError) -> AWSCredentials {
        var parameters: [(name: String, value: String)] = [("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        if let externalID { parameters.append(("ExternalId", externalID)) }
        let client = AWSClient(credentials: credentials, region: region, endpoints: endpoints, transport: transport)
        let root = try await client.query(.sts, action: "AssumeRole", parameters: parameters)
        return try Self.credentials(in: root, result: "AssumeRoleResult")
    }

    /// `AssumeRoleWithWebIdentity` is unsigned: the token is the proof of identity.
    func assumeRole(_ roleARN: String, sessionName: String, webIdentityToken: String) async throws(AWSError) -> AWSCredentials {
        let anonymous = AWSCredentials(accessKeyID: "", secretAccessKey: "")
        let client = AWSClient(credentials: anonymous, region: region, endpoints: endpoints, transport: transport)
        let root = try await client.query(
            .sts, action: "AssumeRoleWithWebIdentity",
            parameters: [("RoleArn", roleARN), ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken)],
            signed: false)
        return try Self.credentials(in: root, result: "AssumeRoleWithWebIdentityResult")
    }

    private static func credentials(in root: XMLElement, result: String) throws(AWSError) -> AWSCredentials {
        guard let element = root.element(at: "\(result)/Credentials"),
              let keyID = element.text(at: "AccessKeyId"), let secret = element.text(at: "SecretAccessKey")
        else {
            throw .malformedResponse(service: "sts", reason: "no \(result)/Credentials in the answer")
        }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: element.text(at: "SessionToken"),
            expiration: element.text(at: "Expiration").flatMap(AWSTimestamp.parse))
    }
}
