// MarkdownRendering module.
