"""Reports (issue 17): reading the figures that units send up and consolidating them."""
