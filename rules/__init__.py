"""Built-in rules: one YAML file per rule at <category>/<name>.yaml."""
