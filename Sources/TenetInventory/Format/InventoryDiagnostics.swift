import TenetDocument

extension DiagnosticCode {
    public static let invalidInventory = DiagnosticCode("inventory.invalid")
    public static let unsupportedInventoryVersion = DiagnosticCode("inventory.unsupported-version")
    public static let inventoryWriteFailed = DiagnosticCode("inventory.write-failed")
}
