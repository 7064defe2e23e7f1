import Foundation

/// Finds credentials the way the AWS CLI and SDKs do, so that a user's existing setup works.
///
/// Order: an explicit `--profile` (which skips the environment's keys), else the environment's
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`; then a web identity
/// (`AWS_ROLE_ARN` with `AWS_WEB_IDENTITY_TOKEN_FILE`); then the profile (`AWS_PROFILE`, else
/// `default`) from the shared files, following `role_arn` + `source_profile` chains through STS.
/// Instance and container metadata endpoints are not consulted: Tenet runs offline or in CI, and
/// a silent network probe would only slow every run that has no credentials.
public struct CredentialChain: Sendable {
    public var environment: [String: String]
    /// `--profile`; nil to use `AWS_PROFILE` or `default`.
    public var explicitProfile: String?
    public var transport: AWSTransport
    /// Where STS answers; collectors pass the same resolver they use, so moto serves STS too.
    public var endpoints: EndpointResolver

    public init(environment: [String: String], explicitProfile: String? = nil, endpoints: EndpointResolver? = nil, transport: AWSTransport = AWSTransport()) {
        self.environment = environment
        self.explicitProfile = explicitProfile
        self.endpoints = endpoints ?? EndpointResolver(environment: environment)
        self.transport = transport
    }

    private var profileName: String { explicitProfile ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default" }

    private var home: String { environment["HOME"] ?? NSHomeDirectory() }

    private var credentialsPath: String { environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials" }
    private var configPath: String { environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config" }

    /// The region named by the environment or the profile, for callers given no `--region`.
    public func region() throws(AWSError) -> String? {
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"], !region.isEmpty { return region }
        return try SharedConfigFile(path: configPath, kind: .config)[profileName]?["region"]
    }

    public func resolve() async throws(AWSError) -> AWSCredentials {
        if explicitProfile == nil, let keyID = environment["AWS_ACCESS_KEY_ID"], !keyID.isEmpty {
            guard let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else {
                throw .credentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
            }
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        }
        if explicitProfile == nil, let roleARN = environment["AWS_ROLE_ARN"], let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] {
            return try await webIdentity(roleARN: roleARN, tokenFile: tokenFile, sessionName: environment["AWS_ROLE_SESSION_NAME"], region: try region())
        }
        let files = try ProfileFiles(credentials: SharedConfigFile(path: credentialsPath, kind: .credentials), config: SharedConfigFile(path: configPath, kind: .config))
        return try await credentials(forProfile: profileName, files: files, visited: [])
    }

    private struct ProfileFiles {
        var credentials: SharedConfigFile
        var config: SharedConfigFile

        /// A profile's settings: the credentials file's keys override the config file's.
        func settings(_ profile: String) -> [String: String]? {
            let config = config[profile]
            let credentials = credentials[profile]
            guard config != nil || credentials != nil else { return nil }
            return (config ?? [:]).merging(credentials ?? [:]) { $1 }
        }
    }

    private func credentials(forProfile profile: String, files: ProfileFiles, visited: [String]) async throws(AWSError) -> AWSCredentials {
        guard !visited.contains(profile) else {
            throw .credentials("the profiles \((visited + [profile]).joined(separator: " → ")) form a source_profile cycle")
        }
        guard let settings = files.settings(profile) else {
            if visited.isEmpty && explicitProfile == nil && environment["AWS_PROFILE"] == nil {
                throw .credentials("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or configure a default profile in \(credentialsPath)")
            }
            throw .credentials("the profile '\(profile)' is in neither \(credentialsPath) nor \(configPath)")
        }
        let region = settings["region"] ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
        if let roleARN = settings["role_arn"] {
            let sessionName = settings["role_session_name"] ?? "tenet-\(Int(Date().timeIntervalSince1970))"
            if let tokenFile = settings["web_identity_token_file"] {
                return try await webIdentity(roleARN: roleARN, tokenFile: tokenFile, sessionName: sessionName, region: region)
            }
            guard let source = settings["source_profile"] else {
                throw .credentials("the profile '\(profile)' has role_arn but neither source_profile nor web_identity_token_file (credential_source is not supported)")
            }
            let sourceCredentials = try await credentials(forProfile: source, files: files, visited: visited + [profile])
            return try await sts(region: region).assumeRole(roleARN, sessionName: sessionName, externalID: settings["external_id"], using: sourceCredentials)
        }
        guard let keyID = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] else {
            throw .credentials("the profile '\(profile)' has no aws_access_key_id and aws_secret_access_key, and no role_arn")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: settings["aws_session_token"])
    }

    private func webIdentity(roleARN: String, tokenFile: String, sessionName: String?, region: String?) async throws(AWSError) -> AWSCredentials {
        guard let data = FileManager.default.contents(atPath: tokenFile), let token = String(data: data, encoding: .utf8) else {
            throw .credentials("the web identity token file \(tokenFile) cannot be read")
        }
        return try await sts(region: region).assumeRole(
            roleARN, sessionName: sessionName ?? "tenet-\(Int(Date().timeIntervalSince1970))",
            webIdentityToken: token.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func sts(region: String?) -> SecurityTokenService {
        SecurityTokenService(endpoints: endpoints, transport: transport, region: region ?? "us-east-1")
    }
}
