/// What a scanned document is, which decides whether reports may point into it: CI systems open
/// a report's file names and lines, and refuse (or misplace) ones that name no file.
public enum DocumentOrigin: Sendable, Hashable {
    /// A template or an inventory file: its resources, findings and account have lines in it.
    case file
    /// Resources collected from an account's APIs in this run (`tenet scan aws`), never written
    /// to a file: no lines; its resources are known by their ids (ARNs), its account by the
    /// account and regions.
    case live
    /// `check`'s templates judged together for account-level rules
    /// (``ScanDocument/accountName``): every resource is in a file of its own, the account in none.
    case templatesTogether
}
