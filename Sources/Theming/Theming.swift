// Theming module.
