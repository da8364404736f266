"""The resilience dossier (tsr:resiliencedossier), QGIS-free: the run records of a results folder
read into a results model (`records`), findings — sentences whose numbers are taken from the
outputs (`findings`) —, actions proposed by rules on the findings and the planning standards
(`actions`), the maps to draw and the tables to show, and the provenance (`dossier`).

Data → information → knowledge → action (the paper's third module): every number of a finding
names the run and output it comes from, so that a reviewer can reproduce it from the
provenance (inputs with SHA-256, parameters, software versions)."""
