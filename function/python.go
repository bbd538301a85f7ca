package function

// pythonGen generates the python driver.
// TODO(driver): being written; until then it reports ErrNoDriver.
type pythonGen struct{}

func (pythonGen) Starter(sig *Signature) (string, error) { return "", ErrNoDriver }

func (pythonGen) Program(sig *Signature, user []byte) (*Program, error) { return nil, ErrNoDriver }
