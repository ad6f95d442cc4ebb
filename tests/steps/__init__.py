"""The one step library every feature file runs on, whatever its rule set.

Steps know no jurisdiction: the feature's 背景 names the rule set (``假如 规则集 "puyang-2014"
层级 "county"``) and everything else — members, events, expected chains and blockers — comes
from the feature's own tables. A new rule set gets feature files without new step code.
"""
