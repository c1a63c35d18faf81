// Messaging module.
