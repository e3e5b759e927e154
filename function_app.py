"""Composition only: the Functions app and its blueprints."""

import azure.durable_functions as df
import azure.functions as func

from shared.functions.http_api import bp as http_api
from shared.functions.report_durable import bp as report_durable
from shared.functions.scan_timer import bp as scan_timer

app = df.DFApp(http_auth_level=func.AuthLevel.FUNCTION)
app.register_functions(scan_timer)
app.register_functions(http_api)
app.register_functions(report_durable)
