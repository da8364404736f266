"""What the algorithms of the provider share: the base class and its output guard, QGIS version
shims, parameter blocks, help, styles and report builders."""

import os

#: The plugin's folder (this package is processing_provider/common/ inside it).
PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
