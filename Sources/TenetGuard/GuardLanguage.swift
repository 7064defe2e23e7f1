// The Guard rule language: lexer, parser, AST, evaluator. Built by the interpreter issue.
