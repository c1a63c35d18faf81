// Checkout module.
