import Foundation
import TenetDocument

/// `tenet validate`: every rules file against every data file, with parameter files merged into
/// each document, as `cfn-guard validate` does. A data file that cannot be read, or whose
/// evaluation stops on an error, gets an error instead of results, and the others go on.
public struct GuardValidation: Sendable {
    public var rulePaths: [String]
    public var dataPaths: [String]
    public var parameterPaths: [String]

    public init(rulePaths: [String], dataPaths: [String], parameterPaths: [String] = []) {
        self.rulePaths = rulePaths
        self.dataPaths = dataPaths
        self.parameterPaths = parameterPaths
    }

    public struct DataFileReport: Sendable {
        public let dataFile: String
        /// One result per rules file, in the order given.
        public let results: [FileResult]
        public let error: Diagnostic?

        public var status: GuardStatus { GuardStatus.combined(results.map(\.status)) }
    }

    public struct Result: Sendable {
        public var reports: [DataFileReport] = []
        /// Rules that do not parse, data and parameter files that cannot be read.
        public var errors: [Diagnostic] = []

        public var hasFailures: Bool { reports.contains { $0.status == .fail } }
        public var hasErrors: Bool { !errors.isEmpty || reports.contains { $0.error != nil } }
    }

    /// Parses every rules file first: a rules file that does not parse stops the run before any
    /// data is evaluated, as in cfn-guard.
    public func run() -> Result {
        var result = Result()
        var rules: [RulesFile] = []
        for path in rulePaths.flatMap(RulesFileLoader.ruleFiles(at:)) {
            do {
                rules.append(try RulesFileLoader().load(contentsOf: path))
            } catch {
                result.errors.append(error)
            }
        }
        var parameterDocuments: [Document] = []
        for path in parameterPaths.flatMap(RulesFileLoader.dataFiles(at:)) {
            do {
                parameterDocuments.append(try DocumentLoader().load(contentsOf: path))
            } catch {
                result.errors.append(error)
            }
        }
        guard result.errors.isEmpty else { return result }
        let evaluator = GuardEvaluator(parameters: RuleParameters(sharedDocuments: parameterDocuments))
        let dataFiles = dataPaths.flatMap(RulesFileLoader.dataFiles(at:))
        let reports = ConcurrentResults<DataFileReport>(count: dataFiles.count)
        let compiled = rules
        DispatchQueue.concurrentPerform(iterations: dataFiles.count) { index in
            reports.set(index, Self.validate(dataFiles[index], rules: compiled, evaluator: evaluator))
        }
        result.reports = reports.values
        return result
    }

    private static func validate(_ path: String, rules: [RulesFile], evaluator: GuardEvaluator) -> DataFileReport {
        do {
            let document = try DocumentLoader().load(contentsOf: path)
            var results: [FileResult] = []
            for file in rules {
                results.append(try evaluator.evaluate(file, document: document))
            }
            return DataFileReport(dataFile: path, results: results, error: nil)
        } catch {
            return DataFileReport(dataFile: path, results: [], error: error)
        }
    }
}
