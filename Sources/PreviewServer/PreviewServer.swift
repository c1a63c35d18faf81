// PreviewServer module.
