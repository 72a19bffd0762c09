"""Why an estimate cannot be made, as a message code and values for the front end to word."""


class EstimateError(Exception):
    def __init__(self, code: str, **values: str | float | int) -> None:
        super().__init__(code, values)
        self.code = code
        self.values = values
