"""The council paper (Ratsvorlage): compiled from the data, rendered as HTML, PDF and DOCX."""
