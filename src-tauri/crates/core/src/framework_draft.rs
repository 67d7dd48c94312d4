//! A framework as the editor holds it: every node's half-life as typed. Reading the numbers
//! here, like every other draft, means the app refuses "3,5" with the same words the CLI's
//! import does, under the node it belongs to.

use crate::checks::Checker;
use crate::framework::{Framework, Node};
use crate::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One node as edited; only the half-life is typed as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NodeDraft {
    pub id: String,
    pub name: String,
    /// The parent's id; empty for a top-level domain.
    pub parent: String,
    /// Years, as typed; empty for a domain (and for a skill, which the rules then refuse).
    pub half_life_years: String,
    pub description: String,
    pub aliases: Vec<String>,
    pub weight: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct FrameworkDraft {
    pub format: String,
    pub id: String,
    pub name: String,
    pub description: String,
    pub citation: Option<String>,
    pub nodes: Vec<NodeDraft>,
}

fn optional(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl FrameworkDraft {
    pub fn from_input(fw: &Framework) -> Self {
        let nodes = fw.nodes.iter().map(|n| NodeDraft {
            id: n.id.clone(),
            name: n.name.clone(),
            parent: n.parent.clone().unwrap_or_default(),
            half_life_years: n.half_life_years.map(|h| h.to_string()).unwrap_or_default(),
            description: n.description.clone().unwrap_or_default(),
            aliases: n.aliases.clone(),
            weight: n.weight,
        });
        Self {
            format: fw.format.clone(),
            id: fw.id.clone(),
            name: fw.name.clone(),
            description: fw.description.clone().unwrap_or_default(),
            citation: fw.citation.clone(),
            nodes: nodes.collect(),
        }
    }

    /// The framework, or every problem: numbers that do not read, then the framework's rules.
    pub fn validate(&self) -> Result<Framework, Vec<FieldError>> {
        let mut check = Checker::default();
        let mut nodes = Vec::with_capacity(self.nodes.len());
        for (i, d) in self.nodes.iter().enumerate() {
            let mut node = Node {
                id: d.id.trim().to_string(),
                name: d.name.trim().to_string(),
                parent: optional(&d.parent),
                half_life_years: None,
                description: optional(&d.description),
                aliases: d.aliases.iter().filter_map(|a| optional(a)).collect(),
                weight: d.weight,
            };
            let path = Framework::label(i, &node);
            let mut read = Checker::default();
            node.half_life_years = read.optional_number(path, &d.half_life_years).flatten();
            // The message follows the node's name, so it says which number is wrong.
            let errors = read.errors.into_iter().map(|e| {
                let message = format!("half-life {}", e.message);
                FieldError::new((*e.path).clone(), message)
            });
            check.errors.extend(errors);
            nodes.push(node);
        }
        let fw = Framework {
            format: self.format.clone(),
            id: self.id.trim().to_string(),
            name: self.name.trim().to_string(),
            description: optional(&self.description),
            citation: self.citation.clone(),
            nodes,
        };
        check.rules(fw.problems());
        check.finish(fw)
    }
}
