/// The staff API described as OpenAPI 3.1, served at `/openapi.json` for those who script against it
/// (a county's IT, a provincial platform). `OpenAPITests` checks it against the router: every route the
/// server answers is described here, and nothing here is missing from the server.
public enum OpenAPIDocument {
    public static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "campaign — staff API",
    "version": "1",
    "description": "The HTTP API of `campaign serve`: the check-in page and phones use it. Every /api route needs `Authorization: Bearer TOKEN` of a staff account (`campaign staff add NAME`). Errors are `{\"error\": {\"message\": …}}` (503 and 429 add a `code`). Keys are stable within a version."
  },
  "components": {
    "securitySchemes": {
      "staffToken": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "responses": {
      "Error": {
        "description": "Refused, with the reason in words for the page",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "properties": {
                "error": {
                  "type": "object",
                  "properties": {
                    "message": {
                      "type": "string"
                    },
                    "code": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  "paths": {
    "/": {
      "get": {
        "summary": "The check-in page (HTML)",
        "responses": {
          "200": {
            "description": "HTML"
          }
        }
      }
    },
    "/health": {
      "get": {
        "summary": "ok while the server runs",
        "responses": {
          "200": {
            "description": "ok"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": {
          "200": {
            "description": "OpenAPI 3.1"
          }
        }
      }
    },
    "/runs": {
      "get": {
        "summary": "The runs page (HTML; organizers and managers)",
        "responses": {
          "200": {
            "description": "HTML"
          }
        }
      }
    },
    "/api/me": {
      "get": {
        "summary": "Who the token belongs to, the campaign, checkpoint and its gates",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/ca.pem": {
      "get": {
        "summary": "The local certificate authority of serve --tls, for a phone to trust once (404 without --tls)",
        "responses": {
          "200": {
            "description": "the CA certificate (PEM)",
            "content": {
              "application/x-x509-ca-cert": {}
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/trust": {
      "get": {
        "summary": "How to trust the local certificate authority on Android and iOS (HTML)",
        "responses": {
          "200": {
            "description": "the trust page",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/api/scan/frame": {
      "post": {
        "summary": "Read the QR code in a frame of the page's live camera (nothing is checked in)",
        "security": [
          {
            "staffToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "image/*": {}
          }
        },
        "responses": {
          "200": {
            "description": "code: the code read, or null",
            "content": {
              "application/json": {}
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/checkin/photo": {
      "post": {
        "summary": "Check a person in from a photo of their badge (the QR code is read on the server)",
        "security": [
          {
            "staffToken": []
          }
        ],
        "parameters": [
          {
            "name": "gate",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "nonce",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "image/*": {}
          }
        },
        "responses": {
          "200": {
            "description": "as POST /api/checkin",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/checkin": {
      "post": {
        "summary": "Check a person in by badge code, ID number or phone",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "result accepted|repeat|rejected, reason (in ?lang=zh|en, else Accept-Language, else Chinese), reason_zh, reason_en, masked name and ID, groups, replayed",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "description": "A retried request with the same nonce gets the first answer and is not counted again.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "input": {
                    "type": "string"
                  },
                  "gate": {
                    "type": "string"
                  },
                  "nonce": {
                    "type": "string"
                  },
                  "device": {
                    "type": "string"
                  },
                  "client_time": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "kept_ms": {
                    "type": "number",
                    "description": "How long the device kept the scan before sending it (its own clock): the scan is judged at the moment it happened, within 12 hours"
                  }
                },
                "required": [
                  "input"
                ]
              }
            }
          }
        }
      }
    },
    "/api/counts": {
      "get": {
        "summary": "People checked in at the checkpoint, in all and per gate",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/lookup": {
      "get": {
        "summary": "People whose ID or phone number holds the digits typed (masked); recorded in the audit log",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "at least four digits"
          }
        ]
      }
    },
    "/api/manager/checkins": {
      "get": {
        "summary": "The scan ledger, masked",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "manager"
      }
    },
    "/api/register": {
      "post": {
        "summary": "Register a walk-in at the desk (and check them in when the gate is open)",
        "description": "Someone new is added; for someone already in the ledger, blanks are filled and what it holds is changed only for a manager's token (recorded in the audit log) — a staff token's differing fields come back in unchanged_fields. The answer holds what was typed, masked; code is null for someone already registered unless a manager asks.",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "id_number": {
                    "type": "string"
                  },
                  "phone": {
                    "type": "string"
                  },
                  "township": {
                    "type": "string"
                  },
                  "village": {
                    "type": "string"
                  },
                  "groups": {
                    "type": "string"
                  },
                  "gate": {
                    "type": "string"
                  }
                },
                "required": [
                  "name",
                  "id_number"
                ]
              }
            }
          }
        }
      }
    },
    "/api/postings": {
      "get": {
        "summary": "The campaign's postings, for the booth's outcome form",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/outcomes": {
      "post": {
        "summary": "Record an interview, intent, placement or retention",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "description": "`correct` (managers only) moves a person back, recorded in the audit log.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "person": {
                    "type": "string"
                  },
                  "posting": {
                    "type": "string"
                  },
                  "stage": {
                    "type": "string"
                  },
                  "date": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string"
                  },
                  "correct": {
                    "type": "boolean"
                  },
                  "not_attended": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "person",
                  "posting",
                  "stage"
                ]
              }
            }
          }
        }
      }
    },
    "/api/manager/tally": {
      "get": {
        "summary": "The tally of the campaign",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "manager",
        "parameters": [
          {
            "name": "by",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "breakdowns, e.g. township,group,enterprise"
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "zh or en"
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "json (default) or html"
          }
        ]
      }
    },
    "/api/transport/buses": {
      "get": {
        "summary": "The campaign's buses and who is missing at each checkpoint",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/transport/bus": {
      "get": {
        "summary": "One bus by seat: who boarded, who is missing",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "parameters": [
          {
            "name": "plate",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "the bus's plate, e.g. 贵A·56789"
          },
          {
            "name": "day",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "yyyy-MM-dd"
          }
        ]
      }
    },
    "/api/livestream/calls": {
      "get": {
        "summary": "The signed-in staff member's call-back tasks (full phone only to the assignee)",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/livestream/calls/record": {
      "post": {
        "summary": "Record what a call came to",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "call": {
                    "type": "integer"
                  },
                  "status": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string"
                  },
                  "posting": {
                    "type": "string"
                  },
                  "id_number": {
                    "type": "string"
                  }
                },
                "required": [
                  "call",
                  "status"
                ]
              }
            }
          }
        }
      }
    },
    "/api/runs": {
      "get": {
        "summary": "Every campaign's run and its steps",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "manager"
      }
    },
    "/api/runs/{campaign}": {
      "get": {
        "summary": "One run: steps, waits, outputs",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "manager",
        "parameters": [
          {
            "name": "campaign",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "the campaign's name"
          }
        ]
      }
    },
    "/api/runs/{campaign}/signal": {
      "post": {
        "summary": "End a waiting step (or one instance of a for_each step)",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "organizer",
        "parameters": [
          {
            "name": "campaign",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "the campaign's name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "step": {
                    "type": "string"
                  },
                  "item": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string"
                  }
                },
                "required": [
                  "step"
                ]
              }
            }
          }
        }
      }
    },
    "/api/runs/{campaign}/cancel": {
      "post": {
        "summary": "Cancel the run",
        "security": [
          {
            "staffToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        },
        "x-role": "organizer",
        "parameters": [
          {
            "name": "campaign",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "the campaign's name"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                },
                "required": []
              }
            }
          }
        }
      }
    }
  }
}
"""#
}
