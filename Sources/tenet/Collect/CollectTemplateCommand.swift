import ArgumentParser
import TenetDocument
import TenetInventory
import TenetTemplates

struct CollectTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Collect the resources of CloudFormation templates.",
        discussion: """
            Intrinsic functions are resolved where the template decides the value (parameter \
            defaults or --parameters values, conditions, Fn::Sub/Join/Select/FindInMap, pseudo \
            parameters given with --region and --account); anything else stays as written and is \
            listed under the resource's "unresolved". NoEcho parameters are never substituted and \
            secret-named properties are replaced by "<redacted>".

            Examples:
              tenet collect template templates/ --output inventories/templates.jsonl
              tenet collect template app.yaml --parameters prod.json --region eu-west-1
            """
    )

    @Argument(help: "Templates, or directories searched recursively for .yaml, .yml, .json and .template files.")
    var paths: [String]

    @OptionGroup var template: TemplateInputOptions

    @Flag(help: "List the files skipped as not being templates.")
    var verbose = false
    @OptionGroup var inventory: InventoryOutputOptions

    func run() throws {
        let set = try template.collect(paths, listSkipped: verbose)
        let header = SnapshotHeader(capturedAt: inventory.captureTime, collector: .template, source: .templates(paths: set.templates.map(\.path)), completeness: .complete)
        try inventory.write(header: header, resources: set.templates.flatMap(\.resources))
        StandardStreams.writeError("collected \(set.templates.flatMap(\.resources).count) resources from \(set.templates.count) templates")
    }
}
