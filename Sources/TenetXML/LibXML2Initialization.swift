internal import CLibXML2

/// libxml2 sets up its parser globals lazily, and that lazy set-up is not safe to race, so every
/// entry point touches this once-only initializer (a Swift global) before creating a context.
let libxml2Initialization: Void = xmlInitParser()
