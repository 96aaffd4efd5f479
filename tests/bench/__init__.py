"""``make bench``: what each manifest route costs, measured, not guessed.

- ``cold``: each handler module's import in fresh interpreters, with a deployed function's
  settings, beside a bare ``import boto3`` measured in the same runs;
- ``requests``: one request per route against the emulator: the AWS calls it makes (DynamoDB
  round trips on their own), its warm time, and the part of it that is the portal's own code;
- ``growth``: the list pages at the demo's size and with 100 times the data, side by side;
- ``cost``: a million views of each partner page on AWS, from the calls counted and list prices.

``scenarios`` holds one module per area with the request each route is measured by; a test
checks that every manifest route and worker has one.
"""
