//! Skill frameworks: a tree of domains and skills, each skill with a half-life. Stored and
//! exchanged as a flat list of nodes with parent references (JSON), which is why a framework
//! is validated as a tree: every parent must exist, ids must be unique, and no node may be
//! its own ancestor. A node without children is a skill; a node with children is a domain.

use crate::field_error::{FieldError, FieldPath};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

pub const FORMAT: &str = "dossier-framework/1";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Node {
    pub id: String,
    pub name: String,
    /// The domain (or sub-domain) this node belongs to; none for a top-level domain.
    pub parent: Option<String>,
    /// How fast a skill ages; required on skills, ignored on domains.
    pub half_life_years: Option<f64>,
    pub description: Option<String>,
    /// Other names records may use for this skill (matched ignoring case).
    pub aliases: Vec<String>,
    /// Weight of the node within its parent (default 1).
    pub weight: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Framework {
    pub format: String,
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Where the framework comes from, and under which licence.
    pub citation: Option<String>,
    pub nodes: Vec<Node>,
}

/// A framework as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkInfo {
    pub id: String,
    pub name: String,
    pub builtin: bool,
    pub active: bool,
    pub skills: usize,
}

impl Framework {
    /// Parses and validates framework JSON; the error names the node (by id, or by position
    /// when it has none) and what is wrong with it.
    pub fn from_json(text: &str) -> Result<Framework, Vec<FieldError>> {
        let fw: Framework = serde_json::from_str(text).map_err(|e| {
            vec![FieldError::new(
                "json",
                format!("line {}, column {}: {e}", e.line(), e.column()),
            )]
        })?;
        let problems = fw.problems();
        if problems.is_empty() {
            Ok(fw)
        } else {
            Err(problems)
        }
    }

    /// A node is named by its id, or by its position when it has none.
    pub(crate) fn label(i: usize, n: &Node) -> FieldPath {
        if n.id.trim().is_empty() {
            FieldPath::entry("nodes", i)
        } else {
            FieldPath::node(n.id.clone())
        }
    }

    /// Every problem, each naming its node; empty when the framework is sound.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        if !self.format.is_empty() && self.format != FORMAT {
            errs.push(FieldError::new(
                "format",
                format!("'{}' is not {FORMAT}", self.format),
            ));
        }
        if self.id.trim().is_empty() {
            errs.push(FieldError::new("id", "is required"));
        }
        if self.name.trim().is_empty() {
            errs.push(FieldError::new("name", "is required"));
        }
        if self.nodes.is_empty() {
            errs.push(FieldError::new(
                "nodes",
                "a framework needs at least one domain and skill",
            ));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            let at = Self::label(i, n);
            if n.id.trim().is_empty() {
                errs.push(FieldError::new(at.clone(), "id is required"));
            } else if let Some(first) = seen.insert(n.id.as_str(), i) {
                errs.push(FieldError::new(
                    at.clone(),
                    format!("duplicate id (also nodes[{first}])"),
                ));
            }
            if n.name.trim().is_empty() {
                errs.push(FieldError::new(at.clone(), "name is required"));
            }
            if let Some(w) = n.weight.filter(|w| !(w.is_finite() && *w > 0.0)) {
                errs.push(FieldError::new(
                    at.clone(),
                    format!("weight {w} must be more than 0"),
                ));
            }
        }
        let ids: HashSet<&str> = self.nodes.iter().map(|n| n.id.as_str()).collect();
        let has_children: HashSet<&str> = self
            .nodes
            .iter()
            .filter_map(|n| n.parent.as_deref())
            .collect();
        for (i, n) in self.nodes.iter().enumerate() {
            let at = Self::label(i, n);
            if let Some(p) = n.parent.as_deref().filter(|p| !ids.contains(p)) {
                errs.push(FieldError::new(
                    at.clone(),
                    format!("parent '{p}' does not exist"),
                ));
            }
            if !has_children.contains(n.id.as_str()) {
                match n.half_life_years {
                    Some(h) if h.is_finite() && h > 0.0 && h <= 100.0 => {}
                    Some(h) => errs.push(FieldError::new(
                        at,
                        format!("half-life {h} must be more than 0 and at most 100 years"),
                    )),
                    None if n.parent.is_none() => {
                        errs.push(FieldError::new(at, "a domain needs at least one skill"))
                    }
                    None => errs.push(FieldError::new(at, "a skill needs a half-life in years")),
                }
            }
        }
        errs.extend(self.cycles());
        errs
    }

    /// Nodes that are their own ancestor, each reported once with the loop it is on.
    fn cycles(&self) -> Vec<FieldError> {
        let parent: HashMap<&str, &str> = self
            .nodes
            .iter()
            .filter_map(|n| Some((n.id.as_str(), n.parent.as_deref()?)))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        let mut errs = Vec::new();
        for n in &self.nodes {
            let mut path = vec![n.id.as_str()];
            let mut at = n.id.as_str();
            while let Some(&p) = parent.get(at) {
                if p == n.id {
                    if path.iter().all(|id| !reported.contains(id)) {
                        reported.extend(path.iter().copied());
                        path.push(p);
                        errs.push(FieldError::new(
                            FieldPath::node(n.id.clone()),
                            format!("is its own ancestor: {}", path.join(" -> ")),
                        ));
                    }
                    break;
                }
                if path.contains(&p) || path.len() > self.nodes.len() {
                    break;
                }
                path.push(p);
                at = p;
            }
        }
        errs
    }

    /// The top-level domains, in file order.
    pub fn domains(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.parent.is_none())
    }

    /// The skills (leaves) under `id`, in file order, at any depth.
    pub fn skills_under(&self, id: &str) -> Vec<&Node> {
        let children: HashMap<&str, Vec<&Node>> =
            self.nodes.iter().fold(HashMap::new(), |mut m, n| {
                if let Some(p) = n.parent.as_deref() {
                    m.entry(p).or_default().push(n);
                }
                m
            });
        let mut out = Vec::new();
        let mut stack: Vec<&Node> = children
            .get(id)
            .map(|c| c.iter().rev().copied().collect())
            .unwrap_or_default();
        let mut visited = HashSet::new();
        while let Some(n) = stack.pop() {
            if !visited.insert(n.id.as_str()) {
                continue;
            }
            match children.get(n.id.as_str()) {
                Some(kids) => stack.extend(kids.iter().rev()),
                None => out.push(n),
            }
        }
        out
    }

    /// Every other name of a skill, as (alias, skill name): the framework's own aliases and the
    /// user's (record skill name, skill id) pairs. Staleness folds them as coverage does, so a
    /// change naming "AI law" reaches a record tagged "EU AI Act".
    pub fn skill_aliases(&self, user: &[(String, String)]) -> Vec<(String, String)> {
        let leaves: Vec<&Node> = self
            .domains()
            .flat_map(|d| self.skills_under(&d.id))
            .collect();
        let mut out: Vec<(String, String)> = leaves
            .iter()
            .flat_map(|n| n.aliases.iter().map(|a| (a.clone(), n.name.clone())))
            .collect();
        for (alias, id) in user {
            if let Some(n) = leaves.iter().find(|n| &n.id == id) {
                out.push((alias.clone(), n.name.clone()));
            }
        }
        out
    }
}
