// Generator module.
