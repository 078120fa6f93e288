"""Tools beside the product: the synthetic corpus generator (`dossier synth`) and the benchmark
(`dossier bench`). The product (`flows`) never imports them; they import the product."""
