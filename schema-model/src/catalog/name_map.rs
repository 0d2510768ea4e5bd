//! Serde for maps keyed by [`ObjectName`]: JSON object keys must be strings, so such a map
//! is written as a list of `[name, value]` pairs.

use super::ObjectName;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

pub fn serialize<S: Serializer, V: Serialize>(map: &BTreeMap<ObjectName, V>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(map.iter())
}

pub fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    deserializer: D,
) -> Result<BTreeMap<ObjectName, V>, D::Error> {
    let pairs: Vec<(ObjectName, V)> = Vec::deserialize(deserializer)?;
    Ok(pairs.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, Engine, Location, ObjectName, Table};

    #[test]
    fn catalogs_round_trip_through_json() {
        let mut catalog = Catalog::new(Engine::Postgres);
        let name = ObjectName::new("public", "t");
        catalog.tables.insert(name.clone(), Table::new(name, &Location::default()));
        let json = serde_json::to_string(&catalog).unwrap();
        assert_eq!(serde_json::from_str::<Catalog>(&json).unwrap(), catalog);
    }
}
