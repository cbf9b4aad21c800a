//! Languages: the rules and lexicons of each language tarikh reads.
