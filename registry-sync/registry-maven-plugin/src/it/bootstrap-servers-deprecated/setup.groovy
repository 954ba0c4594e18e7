// Waits for the IT registry.
evaluate(new File(itSource, "wait-for-registry.groovy"))
